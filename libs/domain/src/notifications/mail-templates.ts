import type { Lang } from '@app/common';
import { NotificationParams, renderNotification } from './kinds';

/** One notification as a mail shows it. */
export interface MailItem {
  kind: string;
  params: NotificationParams | null;
  message: string;
  link: string | null;
  createdAt: Date;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  nl: {
    open: 'Bekijken',
    greeting: (name: string) => `Beste ${name},`,
    footer: 'U ontvangt deze e-mail omdat u een account heeft bij Buy Social.',
    unsubscribe: 'Geen e-mail meer ontvangen',
    preferences: 'Uw e-mailvoorkeur wijzigt u op uw accountpagina',
    digestSubject: (n: number) => `Buy Social: ${n} ${n === 1 ? 'nieuwe melding' : 'nieuwe meldingen'}`,
    digestIntro: (n: number) =>
      `U heeft ${n} ${n === 1 ? 'nieuwe melding' : 'nieuwe meldingen'} sinds de vorige samenvatting:`,
  },
  en: {
    open: 'View',
    greeting: (name: string) => `Dear ${name},`,
    footer: 'You receive this email because you have an account at Buy Social.',
    unsubscribe: 'Stop receiving email',
    preferences: 'Change your email preference on your account page',
    digestSubject: (n: number) => `Buy Social: ${n} new ${n === 1 ? 'notification' : 'notifications'}`,
    digestIntro: (n: number) =>
      `You have ${n} new ${n === 1 ? 'notification' : 'notifications'} since the last summary:`,
  },
} as const;

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function absolute(base: string, path: string | null): string {
  return `${base.replace(/\/$/, '')}${path ?? '/notifications'}`;
}

function layout(
  lang: Lang,
  name: string,
  bodyHtml: string,
  bodyText: string,
  unsubscribeUrl: string,
  base: string,
) {
  const w = WORDS[lang];
  const text = `${w.greeting(name)}\n\n${bodyText}\n\n--\n${w.footer}\n${w.preferences}: ${absolute(
    base,
    '/account',
  )}\n${w.unsubscribe}: ${unsubscribeUrl}\n`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Buy Social</title></head>
<body style="font-family: Arial, sans-serif; color: #1a1a1a; max-width: 40em">
<p>${escapeHtml(w.greeting(name))}</p>
${bodyHtml}
<hr>
<p style="font-size: 0.9em; color: #555">${escapeHtml(w.footer)}<br>
<a href="${escapeHtml(absolute(base, '/account'))}">${escapeHtml(w.preferences)}</a> ·
<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(w.unsubscribe)}</a></p>
</body></html>`;
  return { text, html };
}

/** The mail of one notification to one user, in that user's language. */
export function notificationMail(
  item: MailItem,
  opts: { lang: Lang; name: string; baseUrl: string; unsubscribeUrl: string },
): RenderedMail {
  const { title, body } = renderNotification(item, opts.lang);
  const url = absolute(opts.baseUrl, item.link);
  const w = WORDS[opts.lang];
  const { text, html } = layout(
    opts.lang,
    opts.name,
    `<h1 style="font-size: 1.3em">${escapeHtml(title)}</h1>\n<p>${escapeHtml(body)}</p>\n<p><a href="${escapeHtml(
      url,
    )}">${escapeHtml(w.open)}: ${escapeHtml(title)}</a></p>`,
    `${title}\n\n${body}\n\n${w.open}: ${url}`,
    opts.unsubscribeUrl,
    opts.baseUrl,
  );
  return { subject: `Buy Social: ${title}`, text, html };
}

/** One user's daily digest: every notification since the last one, newest first, each with its link. */
export function digestMail(
  items: MailItem[],
  opts: { lang: Lang; name: string; baseUrl: string; unsubscribeUrl: string },
): RenderedMail {
  const w = WORDS[opts.lang];
  const rendered = items.map((i) => ({
    ...renderNotification(i, opts.lang),
    url: absolute(opts.baseUrl, i.link),
  }));
  const { text, html } = layout(
    opts.lang,
    opts.name,
    `<p>${escapeHtml(w.digestIntro(items.length))}</p>\n<ul>\n${rendered
      .map(
        (r) =>
          `<li><a href="${escapeHtml(r.url)}"><strong>${escapeHtml(r.title)}</strong></a><br>${escapeHtml(r.body)}</li>`,
      )
      .join('\n')}\n</ul>`,
    `${w.digestIntro(items.length)}\n\n${rendered.map((r) => `* ${r.title}\n  ${r.body}\n  ${r.url}`).join('\n\n')}`,
    opts.unsubscribeUrl,
    opts.baseUrl,
  );
  return { subject: w.digestSubject(items.length), text, html };
}
