// Types of the report JSON (docs/report-schema.md, version 1) and the record page.
import type { ReportOptions } from '../generated/options';

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
  /** As given; an archive entry is "<archive name>/<path in the archive>". */
  name: string;
  /** Sniffed from the bytes; '' when nothing was read. */
  format: 'json' | 'html' | '';
  bytes: number; chats: number; messages: number;
  status: 'ok' | 'error' | 'skipped';
  error?: { offset: number; message: string };
  /** Why the file was not read (status "skipped"). */
  skipped?: string;
  /** A later HTML page of the chat begun in the file before. */
  continues_chat?: boolean;
  /** Its dates had no UTC offset and were read in this zone, e.g. "+03:00". */
  assumed_utc_offset?: string;
}

export interface ReportChat {
  file: string; index: number; id: number; name: string; type: string; partial: boolean;
  messages: number; service_messages: number; first_date: string | null; last_date: string | null;
  messages_per_bucket: Record<string, number>;
  link_records: Partial<Record<Platform, number>>;
  link_records_per_bucket: Partial<Record<Platform, Record<string, number>>>;
  signature_targets: { platform: Platform; kind: string; target: string; link_records: number; share: number }[];
  top_targets: { platform: Platform; kind: string; target: string; link_records: number }[];
  /** Null without counted messages (docs/report-schema.md "Lifecycle"). */
  lifecycle: ChatLifecycle | null;
}

export type SuccessorEvidence = 'announced' | 'name' | 'cross_link';

/** Every chat's lifecycle, over its counted messages (core: report/lifecycle.h). */
export interface ChatLifecycle {
  active_days: number; longest_silence_days: number; longest_silence_from: string | null;
  days_to_corpus_end: number;
  /** Its last message is at least outcome_silent_end_days before the data's last. */
  ended: boolean;
  /** Ranked candidates that may continue an ended chat. */
  successors: { chat: number; chat_id: number; chat_name: string; score: number; gap_days: number; evidence: SuccessorEvidence[] }[];
  backups: { kind: string; target: string; chat: number | null; posting_moved: boolean }[];
}

export interface TopTarget {
  kind: string; target: string; url: string; link_records: number; chats: number;
  signature_chats: number; first_seen: string; last_seen: string;
}

export interface Report extends MigrationSections {
  linkdrift_report: number;
  /** Every report option the core used (its defaults for what the request left out). */
  options: ReportOptions;
  files: ReportFile[];
  totals: {
    files: number; files_with_errors: number; files_skipped: number; chats: number; messages: number; service_messages: number;
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
  /** t.me/<name>/<message id> when the chat looks public and its signature link names it (core: permalink_name). */
  permalink: string | null;
}
export interface RecordPage { total: number; offset: number; rows: RecordRow[]; }

// ------------------------------------------------ migration sections (issue 5)
// Present when the analyzer runs with {"announcements": true}; "events" and
// "graph" only once the core writes them (absent on older builds).

export type AnnouncementType = 'move' | 'backup' | 'new_channel' | 'contact_elsewhere' | 'leaving';
export type Outcome = 'stayed' | 'paused_then_resumed' | 'went_silent' | 'continued_elsewhere' | 'declined';

export interface Announcement {
  chat: number; chat_id: number; chat_name: string; message_id: number; date: string;
  /** The report's bucket key the announcement falls in (report time zone). */
  bucket: string;
  type: AnnouncementType;
  /** The destination; all three null for `leaving` (the chat names none). */
  platform: Platform | null; kind: string | null; target: string | null;
  phrase: string; language: string;
}

export interface ChatOutcome {
  chat: number; chat_id: number; chat_name: string; announcements: number; first_announcement: string;
  messages_before_30d: number; messages_after_30d: number; messages_before_90d: number; messages_after_90d: number;
  longest_silence_days: number; longest_silence_before_days?: number; last_date: string; days_to_corpus_end: number;
  outcome: Outcome;
  /** The loaded chat that continues it (also when it stayed: its announced destination is loaded). */
  continued_in: number | null;
  continued_by?: ContinuedBy | null;
}

/** How the core knew that chat `continued_in` continues the announcing chat (docs/report-schema.md). */
export type ContinuedBy = 'destination' | 'born_with_announcement' | 'same_name' | 'successor';

/** Before/after counts of one event window (overall or one chat). */
export interface EventWindow {
  messages_before: number; messages_after: number; messages_change_pct: number | null;
  platforms: { platform: Platform; link_records_before: number; link_records_after: number; change_pct: number | null }[];
}

export interface EventReport {
  date: string; label: string;
  /** The report's bucket key of the event's date. */
  bucket: string;
  months_before: string[]; months_after: string[];
  overall: EventWindow;
  chats: (EventWindow & { chat: number; chat_id: number; chat_name: string })[];
}

export type GraphNode =
  | { id: number; type: 'chat'; chat: number; label: string }
  | { id: number; type: 'target'; platform: Platform; kind: string; target: string; url: string; label: string };

export interface GraphEdge {
  from: number; to: number; relation: 'announced' | 'cross_link'; weight: number;
  first: string; last: string; announcement_types: AnnouncementType[];
}

export interface MigrationSections {
  announcements?: Announcement[];
  outcomes?: ChatOutcome[];
  events?: EventReport[];
  graph?: { nodes: GraphNode[]; edges: GraphEdge[] };
}
