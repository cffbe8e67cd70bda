import { CONVERSATIONS, ME } from './data.js';

/** In-memory store for the chat workspace. Emits "change" after every mutation. */
export class ChatStore extends EventTarget {
  constructor() {
    super();
    // deep copy so the seed module stays pristine
    this.conversations = structuredClone(CONVERSATIONS);
    this.seq = 0;
  }

  get(id) {
    return this.conversations.find((c) => c.id === id) ?? null;
  }

  channels() {
    return this.conversations.filter((c) => c.kind === 'channel');
  }

  directMessages() {
    return this.conversations.filter((c) => c.kind === 'dm');
  }

  totalUnread() {
    return this.conversations.reduce((n, c) => n + c.unread, 0);
  }

  #emit(detail) {
    this.dispatchEvent(new CustomEvent('change', { detail }));
  }

  markRead(id) {
    const conv = this.get(id);
    if (conv && conv.unread) {
      conv.unread = 0;
      this.#emit({ type: 'read', id });
    }
  }

  markAllRead() {
    this.conversations.forEach((c) => { c.unread = 0; });
    this.#emit({ type: 'read-all' });
  }

  toggleMute(id) {
    const conv = this.get(id);
    conv.muted = !conv.muted;
    this.#emit({ type: 'mute', id });
  }

  toggleStar(id) {
    const conv = this.get(id);
    conv.starred = !conv.starred;
    this.#emit({ type: 'star', id });
  }

  /** Times are derived from the previous message (one minute later), never from the wall clock. */
  #nextTime(conv) {
    const last = conv.messages[conv.messages.length - 1];
    const [h, min] = (last ? last.time : '09:00').split(':').map(Number);
    const total = h * 60 + min + 1;
    const pad = (n) => String(n).padStart(2, '0');
    return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
  }

  send(id, text) {
    const conv = this.get(id);
    this.seq += 1;
    conv.messages.push({
      id: `new-${this.seq}`, author: ME, time: this.#nextTime(conv), text, reactions: {}, pinned: false,
    });
    this.#emit({ type: 'send', id });
  }

  #message(convId, msgId) {
    return this.get(convId)?.messages.find((m) => m.id === msgId) ?? null;
  }

  toggleReaction(convId, msgId, glyph) {
    const msg = this.#message(convId, msgId);
    if (!msg) return;
    const who = msg.reactions[glyph] ?? [];
    msg.reactions[glyph] = who.includes(ME) ? who.filter((p) => p !== ME) : [...who, ME];
    if (!msg.reactions[glyph].length) delete msg.reactions[glyph];
    this.#emit({ type: 'react', id: convId });
  }

  togglePin(convId, msgId) {
    const msg = this.#message(convId, msgId);
    if (!msg) return;
    msg.pinned = !msg.pinned;
    this.#emit({ type: 'pin', id: convId });
  }

  deleteMessage(convId, msgId) {
    const conv = this.get(convId);
    conv.messages = conv.messages.filter((m) => m.id !== msgId);
    this.#emit({ type: 'delete', id: convId });
  }
}
