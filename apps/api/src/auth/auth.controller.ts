import { ErrorResponseDto } from '@app/common';
import { Actor, IdentityService, SessionResult } from '@app/domain';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CurrentActor, Public } from './auth.decorators';
import {
  LoginDto,
  MeResponseDto,
  RefreshDto,
  RegisterDto,
  SessionResponseDto,
  UserResponseDto,
} from './auth.dto';

const session = (s: SessionResult): SessionResponseDto => ({
  accessToken: s.accessToken,
  refreshToken: s.refreshToken,
  expiresIn: s.expiresIn,
  user: UserResponseDto.from(s.user),
});

@ApiTags('identity')
@ApiResponse({ status: 400, type: ErrorResponseDto, description: 'Invalid input' })
@Controller()
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('auth/register')
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Register a contractor or social enterprise with its first user' })
  @ApiResponse({ status: 201, type: SessionResponseDto })
  @ApiResponse({ status: 409, type: ErrorResponseDto, description: 'Email or KvK number already registered' })
  @ApiResponse({ status: 429, type: ErrorResponseDto })
  async register(@Body() dto: RegisterDto): Promise<SessionResponseDto> {
    return session(await this.identity.register(dto));
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiResponse({ status: 200, type: SessionResponseDto })
  @ApiResponse({ status: 401, type: ErrorResponseDto })
  @ApiResponse({ status: 429, type: ErrorResponseDto })
  async login(@Body() dto: LoginDto): Promise<SessionResponseDto> {
    return session(await this.identity.login(dto.email, dto.password));
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (the old refresh token stops working)' })
  @ApiResponse({ status: 200, type: SessionResponseDto })
  @ApiResponse({ status: 401, type: ErrorResponseDto })
  async refresh(@Body() dto: RefreshDto): Promise<SessionResponseDto> {
    return session(await this.identity.refresh(dto.refreshToken));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and organisation' })
  @ApiResponse({ status: 200, type: MeResponseDto })
  @ApiResponse({ status: 401, type: ErrorResponseDto })
  async me(@CurrentActor() actor: Actor): Promise<MeResponseDto> {
    return MeResponseDto.from(await this.identity.me(actor));
  }
}
