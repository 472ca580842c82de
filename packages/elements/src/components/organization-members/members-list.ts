import type { B2BClient, MemberSearchOptions } from '@orgauth/core';
import type { Member } from '@orgauth/core/protocol';

/** Where the list is: nothing asked yet, first page on its way, shown, or failed. */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

/** How long typing must pause before the search is sent, so each keystroke does not cost a request. */
export const SEARCH_DELAY_MS = 300;

/** The first page of a search for `query` (`member_email_fuzzy`), or of every member. */
export function searchBody(query: string, limit: number, cursor?: string): MemberSearchOptions {
  const text = query.trim();
  return {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(text
      ? { query: { operator: 'AND', operands: [{ filter_name: 'member_email_fuzzy', filter_value: text }] } }
      : {}),
  };
}

/**
 * The member list of `<orgauth-organization-members>`: the pages loaded so far of the current search,
 * paged by the server's cursor (`results_metadata.next_cursor`). A newer search or a rebind drops the
 * answers of older ones, so a slow reply never overwrites what the person asked for last.
 */
export class MembersList {
  members: Member[] = [];
  total = 0;
  nextCursor: string | null = null;
  status: ListStatus = 'idle';
  /** Why the first page failed. */
  error: unknown = null;
  /** Why the last "Load more" failed. */
  moreError: unknown = null;
  loadingMore = false;
  query = '';
  #client: B2BClient | undefined;
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #changed: () => void;
  readonly #failed: (error: unknown) => void;
  readonly #pageSize: () => number;

  constructor(changed: () => void, failed: (error: unknown) => void, pageSize: () => number) {
    this.#changed = changed;
    this.#failed = failed;
    this.#pageSize = pageSize;
  }

  /** Lists the members through `client` (none: nothing is listed); loads the first page. */
  bind(client: B2BClient | undefined): void {
    this.#client = client;
    this.stop();
    this.members = [];
    this.total = 0;
    this.nextCursor = null;
    this.status = 'idle';
    if (client) void this.load();
  }

  /** Searches for `query` once typing pauses. */
  search(query: string): void {
    this.query = query;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
  }

  /** Loads the first page of the current search again. */
  async load(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    clearTimeout(this.#timer);
    const generation = ++this.#generation;
    this.status = 'loading';
    this.error = null;
    this.moreError = null;
    this.#changed();
    try {
      const page = await client.organization.members.search(searchBody(this.query, this.#pageSize()));
      if (generation !== this.#generation) return;
      this.members = page.members;
      this.total = page.results_metadata.total;
      this.nextCursor = page.results_metadata.next_cursor ?? null;
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.status = 'error';
      this.error = error;
      this.#failed(error);
    }
    this.#changed();
  }

  /** Appends the next page. */
  async more(): Promise<void> {
    const client = this.#client;
    const cursor = this.nextCursor;
    if (!client || !cursor || this.loadingMore) return;
    const generation = this.#generation;
    this.loadingMore = true;
    this.moreError = null;
    this.#changed();
    try {
      const page = await client.organization.members.search(searchBody(this.query, this.#pageSize(), cursor));
      if (generation !== this.#generation) return;
      const known = new Set(this.members.map((m) => m.member_id));
      this.members = [...this.members, ...page.members.filter((m) => !known.has(m.member_id))];
      this.total = page.results_metadata.total;
      this.nextCursor = page.results_metadata.next_cursor ?? null;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.moreError = error;
      this.#failed(error);
    } finally {
      if (generation === this.#generation) this.loadingMore = false;
      this.#changed();
    }
  }

  /** Shows the server's newer record of one member in place. */
  replace(member: Member): void {
    this.members = this.members.map((m) => (m.member_id === member.member_id ? member : m));
    this.#changed();
  }

  /** Cancels a pending search and drops answers still on their way. */
  stop(): void {
    clearTimeout(this.#timer);
    this.#generation++;
    this.loadingMore = false;
  }
}
