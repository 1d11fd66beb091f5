import { Env } from '@app/config';
import { Actor, TokensService } from '@app/domain';
import { ALL_QUEUES, redisOptionsFromUrl } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** An admin's access token, set by POST /admin/queues/session so a browser can open the board. */
export const QUEUE_BOARD_COOKIE = 'bs_queue_board';

/** The board's own CSP: its scripts and styles are files of its own; it inlines styles and loads Google fonts. */
const boardCsp = helmet({
  contentSecurityPolicy: {
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
  },
});

function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_BOARD_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function bearerToken(req: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

const deny = (res: Response, status: 401 | 403): void => {
  res.status(status).json({
    statusCode: status,
    code: status === 401 ? 'UNAUTHORIZED' : 'ROLE_NOT_ALLOWED',
    message: status === 401 ? 'Sign in as an admin first' : 'The queue board is for admins only',
  });
};

/**
 * Bull Board for admins at /admin/queues. Its queues are opened on the first admin request only, so an API
 * instance nobody inspects keeps no extra Redis connections.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private queues: Queue[] = [];
  private router: RequestHandler | undefined;

  constructor(
    private readonly env: Env,
    private readonly tokens: TokensService,
  ) {}

  mount(app: NestExpressApplication): void {
    // A browser sends its bearer token once and then carries it in an HttpOnly cookie scoped to the board.
    app.use(`${QUEUE_BOARD_PATH}/session`, (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'POST') return next();
      const token = bearerToken(req);
      void this.check(token).then((status) => {
        if (status !== 200) return deny(res, status);
        res.cookie(QUEUE_BOARD_COOKIE, token!, {
          httpOnly: true,
          sameSite: 'strict',
          secure: req.secure,
          path: QUEUE_BOARD_PATH,
          maxAge: 15 * 60 * 1000,
        });
        res.status(204).end();
      });
    });
    app.use(QUEUE_BOARD_PATH, boardCsp, (req: Request, res: Response, next: NextFunction) => {
      void this.check(bearerToken(req) ?? cookieToken(req)).then((status) => {
        if (status !== 200) return deny(res, status);
        res.setHeader('Cache-Control', 'no-store');
        this.boardRouter()(req, res, next);
      });
    });
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

  private boardRouter(): RequestHandler {
    if (!this.router) {
      const connection = redisOptionsFromUrl(this.env.REDIS_URL);
      this.queues = ALL_QUEUES.map((name) => new Queue(name, { connection, prefix: 'buysocial' }));
      const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
      createBullBoard({ queues: this.queues.map((q) => new BullMQAdapter(q)), serverAdapter });
      this.router = serverAdapter.getRouter() as RequestHandler;
    }
    return this.router;
  }
}
