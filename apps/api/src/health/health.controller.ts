import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../identity/auth.decorators';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('ops')
@Controller('health')
@SkipThrottle()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Database and Redis health; 503 when either is down' })
  @ApiResponse({ status: 200, description: '{ status: "ok", info: { database, redis } }' })
  @ApiResponse({ status: 503, description: '{ status: "error", info, error, details }' })
  async check(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthCheckResult | object> {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        () => this.redis.check('redis'),
      ]);
    } catch (err) {
      // Terminus reports a down dependency as a 503 exception; keep its body, which names the dependency.
      if (err instanceof ServiceUnavailableException) {
        res.status(503);
        return err.getResponse() as object;
      }
      throw err;
    }
  }
}
