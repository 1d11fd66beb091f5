import { ProblemDto } from '@app/common';
import { IdentityService } from '@app/domain';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from './auth.decorators';
import { LoginDto } from './dto/login.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RegisterDto } from './dto/register.dto';
import { SessionResponseDto } from './dto/session-response.dto';

@ApiTags('identity')
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('auth')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('register')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Register a contractor or social enterprise with its first user' })
  @ApiResponse({ status: 201, type: SessionResponseDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'Email or KvK number already registered' })
  @ApiResponse({ status: 429, type: ProblemDto })
  async register(@Body() dto: RegisterDto): Promise<SessionResponseDto> {
    return SessionResponseDto.from(await this.identity.register(dto));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiResponse({ status: 200, type: SessionResponseDto })
  @ApiResponse({ status: 401, type: ProblemDto })
  @ApiResponse({ status: 429, type: ProblemDto })
  async login(@Body() dto: LoginDto): Promise<SessionResponseDto> {
    return SessionResponseDto.from(await this.identity.login(dto.email, dto.password));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (the old refresh token stops working)' })
  @ApiResponse({ status: 200, type: SessionResponseDto })
  @ApiResponse({ status: 401, type: ProblemDto })
  async refresh(@Body() dto: RefreshDto): Promise<SessionResponseDto> {
    return SessionResponseDto.from(await this.identity.refresh(dto.refreshToken));
  }
}
