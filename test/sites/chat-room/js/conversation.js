import { h, icons, initials } from './dom.js';
import { ME, PEOPLE, REACTION_CHOICES } from './data.js';

/** The main pane: header, message list and composer for one channel or DM. */
export class ConversationView {
  constructor(root, store, members) {
    this.root = root;
    this.store = store;
    this.members = members;
    this.convId = null;
    this.pickerFor = null;
    this.pendingDelete = null;
    this.dialog = document.getElementById('confirm-delete');
    this.dialog.addEventListener('close', () => this.#onDialogClose());
    store.addEventListener('change', (e) => {
      if (e.detail.id === undefined || e.detail.id === this.convId) this.#refresh();
    });
    members.onToggle = (open) => {
      this.membersButton?.setAttribute('aria-expanded', String(open));
      this.membersButton?.classList.toggle('icon-btn--on', open);
    };
    document.addEventListener('click', (e) => {
      if (this.pickerFor && !e.target.closest('.reaction-picker, .message__action--react')) {
        this.pickerFor = null;
        this.#renderMessages();
      }
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.pickerFor) {
        this.pickerFor = null;
        this.#renderMessages();
      }
    });
  }

  get conv() { return this.store.get(this.convId); }

  show(convId) {
    this.convId = convId;
    this.pickerFor = null;
    const conv = this.conv;
    this.header = h('header.channel-header');
    this.messageList = h('ol.message-list', { 'aria-label': 'Messages' });
    this.scroller = h('div.conversation__scroll', {}, this.messageList);
    this.composer = this.#buildComposer(conv);
    this.root.replaceChildren(this.header, this.scroller, this.composer);
    this.#refresh();
    this.members.update(conv);
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.textarea.focus();
  }

  showNotFound(path) {
    this.convId = null;
    this.root.replaceChildren(
      h('div.not-found', {},
        h('h1', {}, 'Conversation not found'),
        h('p', {}, `Nothing lives at ${path}. It may have been archived.`),
        h('a.btn.btn--primary', { href: '/c/general' }, 'Go to #general')));
  }

  #refresh() {
    if (!this.conv) return;
    this.#renderHeader();
    this.#renderMessages();
  }

  #renderHeader() {
    const conv = this.conv;
    const isChannel = conv.kind === 'channel';
    const pinnedCount = conv.messages.filter((m) => m.pinned).length;
    const muteLabelId = `mute-label-${conv.id}`;
    const toggleMute = () => this.store.toggleMute(conv.id);

    this.membersButton = h('button.icon-btn.channel-header__members', {
      type: 'button', 'aria-expanded': String(this.members.isOpen), 'aria-controls': 'members-panel',
      className: this.members.isOpen ? 'icon-btn--on' : undefined,
      onclick: () => (this.members.isOpen ? this.members.close() : this.members.show(this.conv)),
    }, icons.users(), 'Members');

    this.header.replaceChildren(
      h('div.channel-header__main', {},
        h('h1.channel-header__name', {},
          isChannel ? h('span.channel-header__hash', { 'aria-hidden': 'true' }, '#') : null,
          conv.name),
        h('button.channel-header__star', {
          type: 'button', title: conv.starred ? 'Unstar channel' : 'Star channel',
          'aria-pressed': String(conv.starred),
          className: conv.starred ? 'channel-header__star--on' : undefined,
          onclick: () => this.store.toggleStar(conv.id),
        }, conv.starred ? '★' : '☆'),
        h('p.channel-header__topic', {}, conv.topic),
        pinnedCount ? h('span.channel-header__pins', {}, `📌 ${pinnedCount} pinned`) : null),
      h('div.channel-header__tools', {},
        h('div.mute', {},
          h('span.mute__label', { id: muteLabelId }, 'Mute channel'),
          h('div.switch', {
            role: 'switch', tabindex: '0', 'aria-checked': String(conv.muted), 'aria-labelledby': muteLabelId,
            className: conv.muted ? 'switch--on' : undefined,
            onclick: toggleMute,
            onkeydown: (e) => { if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); toggleMute(); } },
          }, h('span.switch__thumb'))),
        this.membersButton),
    );
  }

  #renderMessages() {
    const conv = this.conv;
    if (!conv) return;
    const atBottom = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 40;
    const items = [h('li.day-divider', {}, h('span', {}, 'Saturday, March 14, 2026'))];
    let prevAuthor = null;
    for (const msg of conv.messages) {
      items.push(this.#message(msg, msg.author === prevAuthor));
      prevAuthor = msg.author;
    }
    if (!conv.messages.length) {
      items.push(h('li.message-list__empty', {}, 'No messages yet. Say hello!'));
    }
    this.messageList.replaceChildren(...items);
    if (atBottom) this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  #message(msg, grouped) {
    const person = PEOPLE[msg.author];
    const reactions = Object.entries(msg.reactions);
    return h('li.message', {
      dataset: { id: msg.id },
      className: [grouped && 'message--grouped', msg.pinned && 'message--pinned'].filter(Boolean).join(' ') || undefined,
    },
      h('div.message__avatar', { 'aria-hidden': 'true', dataset: { tone: msg.author.length % 5 } }, initials(person.name)),
      h('div.message__body', {},
        h('div.message__meta', {},
          h('span.message__author', {}, person.name),
          h('time.message__time', { datetime: `2026-03-14T${msg.time}` }, msg.time),
          msg.pinned ? h('span.message__pin-tag', {}, 'Pinned') : null),
        h('p.message__text', {}, ...msg.text.split('\n').flatMap((line, i) => (i ? [h('br'), line] : [line]))),
        reactions.length
          ? h('div.message__reactions', {}, reactions.map(([glyph, who]) =>
            h('button.reaction', {
              type: 'button',
              className: who.includes(ME) ? 'reaction--mine' : undefined,
              'aria-pressed': String(who.includes(ME)),
              onclick: () => this.store.toggleReaction(this.convId, msg.id, glyph),
            }, h('span.reaction__glyph', {}, glyph), h('span.reaction__count', {}, who.length))))
          : null),
      h('div.message__actions', {},
        h('button.message__action.message__action--react', {
          type: 'button', title: 'Add reaction',
          onclick: () => { this.pickerFor = this.pickerFor === msg.id ? null : msg.id; this.#renderMessages(); },
        }, icons.smile()),
        h('button.message__action', {
          type: 'button', 'aria-label': 'pin',
          className: msg.pinned ? 'message__action--on' : undefined,
          onclick: () => this.store.togglePin(this.convId, msg.id),
        }, '📌'),
        h('button.message__action.message__action--danger', {
          type: 'button',
          onclick: () => this.#confirmDelete(msg),
        }, icons.trash())),
      this.pickerFor === msg.id
        ? h('div.reaction-picker', {}, REACTION_CHOICES.map((c) =>
          h('button.reaction-picker__choice', {
            type: 'button', title: c.label,
            onclick: () => { this.pickerFor = null; this.store.toggleReaction(this.convId, msg.id, c.glyph); },
          }, c.glyph)))
        : null,
    );
  }

  #confirmDelete(msg) {
    this.pendingDelete = msg.id;
    document.getElementById('confirm-quote').textContent = msg.text;
    this.dialog.returnValue = '';
    this.dialog.showModal();
  }

  #onDialogClose() {
    const id = this.pendingDelete;
    this.pendingDelete = null;
    if (this.dialog.returnValue === 'delete' && id) this.store.deleteMessage(this.convId, id);
  }

  #buildComposer(conv) {
    const placeholder = conv.kind === 'channel' ? `Message #${conv.name}` : `Message ${conv.name}`;
    this.textarea = h('textarea.composer__input', {
      rows: 1, placeholder,
      oninput: () => this.#autosize(),
      onkeydown: (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          const text = this.textarea.value.trim();
          if (!text) return;
          this.store.send(this.convId, text);
          this.textarea.value = '';
          this.#autosize();
          this.scroller.scrollTop = this.scroller.scrollHeight;
        }
      },
    });
    return h('form.composer', { onsubmit: (e) => e.preventDefault() },
      h('div.composer__box', {}, this.textarea),
      h('p.composer__hint', {}, h('kbd', {}, 'Enter'), ' to send · ', h('kbd', {}, 'Shift + Enter'), ' for a new line'));
  }

  #autosize() {
    this.textarea.style.height = 'auto';
    this.textarea.style.height = `${Math.min(this.textarea.scrollHeight, 160)}px`;
  }
}
