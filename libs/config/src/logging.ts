/** pino-pretty as a transport (its own thread), only when asked for: it is a development dependency. */
export function prettyTransport(env: { LOG_FORMAT: 'json' | 'pretty' }): {
  transport?: { target: string; options: object };
} {
  if (env.LOG_FORMAT !== 'pretty') return {};
  return {
    transport: {
      target: 'pino-pretty',
      options: {
        singleLine: true,
        colorize: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,req,res,responseTime',
        messageFormat:
          '{name} {if context}[{context}] {end}{msg}{if req.method} {req.method} {req.url} {res.statusCode} {responseTime}ms{end}',
      },
    },
  };
}
