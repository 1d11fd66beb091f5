/** Nest's start-up inventory (a line per module and route): noise for a person reading the console. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

type LogMethod = (this: unknown, args: unknown[], method: (...a: unknown[]) => void) => void;

/**
 * pino-pretty as a transport (its own thread), only when asked for: it is a development dependency. In that mode
 * the start-up inventory is left out, so `npm start` shows what happens rather than how Nest was wired.
 */
export function prettyTransport(env: { LOG_FORMAT: 'json' | 'pretty' }): {
  transport?: { target: string; options: object };
  hooks?: { logMethod: LogMethod };
} {
  if (env.LOG_FORMAT !== 'pretty') return {};
  return {
    hooks: {
      logMethod(args, method) {
        const first = args[0] as { context?: unknown } | undefined;
        if (first && typeof first === 'object' && STARTUP_CONTEXTS.has(String(first.context))) return;
        method.apply(this, args);
      },
    },
    transport: {
      target: 'pino-pretty',
      options: {
        singleLine: true,
        colorize: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,req,res,responseTime,context',
        messageFormat:
          '{name} {if context}[{context}] {end}{msg}{if req.method} {req.method} {req.url} {res.statusCode} {responseTime}ms{end}',
      },
    },
  };
}
