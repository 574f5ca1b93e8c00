/** Mail server and sender (`THREADLINE_SMTP_URL`, `THREADLINE_MAIL_FROM`); without both there is no mail. */
export interface MailSettings {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  smtpUrl: string;
  /** The From address, e.g. `"The Ledger" <comments@news.example>`. */
  from: string;
}

/** Everything the outbox plans and sends; each field's setting and default are in config.ts. */
export interface NotifySettings {
  mail: MailSettings | null;
  /** Replies within this many minutes of the first go out as one mail (`THREADLINE_NOTIFY_BATCH_MINUTES`, 10; 0: each at once). */
  batchMinutes: number;
  /** Owner alert addresses (`THREADLINE_ALERT_EMAIL`). */
  alertEmails: readonly string[];
  /** Alert per held comment (`pending`, default) or per comment (`all`). */
  alertOn: 'pending' | 'all';
  /** Signed event receivers (`THREADLINE_WEBHOOK_URLS`). */
  webhookUrls: readonly string[];
  /** A Slack-compatible incoming webhook for held comments (`THREADLINE_SLACK_WEBHOOK_URL`). */
  slackUrl: string | null;
}

/** No mail, no alerts, no webhooks: the outbox stays empty. */
export const NO_NOTIFY: NotifySettings = {
  mail: null,
  batchMinutes: 10,
  alertEmails: [],
  alertOn: 'pending',
  webhookUrls: [],
  slackUrl: null,
};

/** True when reply mail is on (a mail server and a sender are set): `features.notify`. */
export const isNotifyOn = (s: NotifySettings): boolean => s.mail !== null;
