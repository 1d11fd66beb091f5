import { problemBody } from '@app/common';
import { Env } from '@app/config';
import { Actor, TokensService } from '@app/domain';
import { ALL_QUEUES, redisOptionsFromUrl } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** An admin's access token, set by POST /admin/queues/session so a browser can open the board. */
export const QUEUE_BOARD_COOKIE = 'bs_queue_board';
const COOKIE_MAX_AGE_S = 15 * 60;

/** The board's own CSP: its scripts and styles are files of its own; it inlines styles and loads Google fonts. */
export const QUEUE_BOARD_CSP: FastifyHelmetOptions['contentSecurityPolicy'] = {
  useDefaults: false,
  directives: {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
    'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  },
};

function cookieToken(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_BOARD_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function bearerToken(req: FastifyRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

function deny(req: FastifyRequest, reply: FastifyReply, status: 401 | 403): FastifyReply {
  const problem = problemBody(
    {
      statusCode: status,
      code: status === 401 ? 'UNAUTHORIZED' : 'ROLE_NOT_ALLOWED',
      message: status === 401 ? 'Sign in as an admin first' : 'The queue board is for admins only',
    },
    { url: req.url, id: req.id },
  );
  return reply.status(status).type('application/problem+json').send(problem);
}

/**
 * Bull Board for admins at /admin/queues, in a Fastify scope of its own guarded by an admin check. Its queues are
 * opened on the first admin request only, so an API instance nobody inspects keeps no extra Redis connections.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private queues: Queue[] = [];
  private board: ReturnType<typeof createBullBoard> | undefined;

  constructor(
    private readonly env: Env,
    private readonly tokens: TokensService,
  ) {}

  async mount(fastify: FastifyInstance): Promise<void> {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUE_BOARD_PATH);
    this.board = createBullBoard({ queues: [], serverAdapter });
    await fastify.register(
      async (scope) => {
        // A browser sends its bearer token once and then carries it in an HttpOnly cookie scoped to the board.
        scope.post('/session', async (req, reply) => {
          const token = bearerToken(req);
          const status = await this.check(token);
          if (status !== 200) return deny(req, reply, status);
          const secure = req.protocol === 'https' ? '; Secure' : '';
          return reply
            .header(
              'Set-Cookie',
              `${QUEUE_BOARD_COOKIE}=${encodeURIComponent(token!)}; Path=${QUEUE_BOARD_PATH}; ` +
                `Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict${secure}`,
            )
            .status(204)
            .send();
        });
        scope.addHook('onRequest', async (req, reply) => {
          if (req.method === 'POST' && req.url.split('?')[0] === `${QUEUE_BOARD_PATH}/session`) return;
          const status = await this.check(bearerToken(req) ?? cookieToken(req));
          if (status !== 200) return deny(req, reply, status);
          this.openQueues();
          reply.header('Cache-Control', 'no-store');
        });
        await scope.register(serverAdapter.registerPlugin());
      },
      { prefix: QUEUE_BOARD_PATH },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }

  /** 401 without a valid token, 403 for a signed-in user who is not an admin. */
  private async check(token: string | undefined): Promise<200 | 401 | 403> {
    if (!token) return 401;
    let actor: Actor;
    try {
      actor = await this.tokens.verifyAccessToken(token);
    } catch {
      return 401;
    }
    return actor.role === 'admin' ? 200 : 403;
  }

  private openQueues(): void {
    if (this.queues.length) return;
    const connection = redisOptionsFromUrl(this.env.REDIS_URL);
    this.queues = ALL_QUEUES.map((name) => new Queue(name, { connection, prefix: 'buysocial' }));
    this.board!.replaceQueues(this.queues.map((q) => new BullMQAdapter(q)));
  }
}
