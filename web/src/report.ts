// Types of the report JSON (docs/report-schema.md, version 1) and the record page.

export const PLATFORMS = [
  'telegram', 'signal', 'discord', 'matrix', 'simplex', 'session', 'tox',
  'xmpp', 'whatsapp', 'threema', 'onion', 'email', 'web',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABEL: Record<Platform, string> = {
  telegram: 'Telegram', signal: 'Signal', discord: 'Discord', matrix: 'Matrix', simplex: 'SimpleX',
  session: 'Session', tox: 'Tox', xmpp: 'XMPP', whatsapp: 'WhatsApp', threema: 'Threema',
  onion: 'Onion', email: 'Email', web: 'Web',
};

/** Categorical colours (Tableau-10 based), fixed per platform across all charts. */
export const PLATFORM_COLOR: Record<Platform, string> = {
  telegram: '#4e79a7', signal: '#f28e2b', discord: '#e15759', matrix: '#76b7b2', simplex: '#59a14f',
  session: '#edc948', tox: '#b07aa1', xmpp: '#ff9da7', whatsapp: '#9c755f', threema: '#bab0ac',
  onion: '#8f6bb3', email: '#17becf', web: '#8c8c8c',
};

export interface Counts { link_records: number; messages: number; targets: number; }

export interface ReportFile {
  name: string; bytes: number; chats: number; messages: number;
  status: 'ok' | 'error'; error?: { offset: number; message: string };
}

export interface ReportChat {
  file: string; index: number; id: number; name: string; type: string; partial: boolean;
  messages: number; service_messages: number; first_date: string | null; last_date: string | null;
  messages_per_bucket: Record<string, number>;
  link_records: Partial<Record<Platform, number>>;
  link_records_per_bucket: Partial<Record<Platform, Record<string, number>>>;
  signature_targets: { platform: Platform; kind: string; target: string; link_records: number; share: number }[];
  top_targets: { platform: Platform; kind: string; target: string; link_records: number }[];
}

export interface TopTarget {
  kind: string; target: string; url: string; link_records: number; chats: number;
  signature_chats: number; first_seen: string; last_seen: string;
}

export interface Report {
  linkdrift_report: number;
  options: Record<string, unknown>;
  files: ReportFile[];
  totals: {
    files: number; files_with_errors: number; chats: number; messages: number; service_messages: number;
    forwarded_messages: number; messages_with_links: number; link_records: number;
    link_records_without_signature: number; first_date: string | null; last_date: string | null;
  };
  platforms: (Counts & { platform: Platform; without_signature: Counts; kinds: (Counts & { kind: string })[] })[];
  buckets: {
    unit: string; keys: string[]; messages: number[];
    platforms: Partial<Record<Platform, { link_records: number[]; messages: number[]; targets: number[] }>>;
  };
  top_targets: Partial<Record<Platform, TopTarget[]>>;
  chats: ReportChat[];
  errors: { file: string; offset: number; message: string }[];
}

export interface RecordRow {
  file: string; chat_id: number; chat_name: string; message_id: number; date: string;
  platform: Platform; kind: string; target: string; url: string; source: string; forwarded: boolean;
}
export interface RecordPage { total: number; offset: number; rows: RecordRow[]; }
