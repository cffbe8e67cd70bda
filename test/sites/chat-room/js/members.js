import { h, icons, initials } from './dom.js';
import { PEOPLE } from './data.js';

const STATUS_TEXT = { active: 'Active', away: 'Away', offline: 'Offline' };

export class MembersPanel {
  constructor(el) {
    this.el = el;
    this.query = '';
    this.conv = null;
    this.onToggle = () => {};
    this.search = h('input.members__search', {
      type: 'search', id: 'member-search', placeholder: 'Search members', autocomplete: 'off',
      oninput: (e) => { this.query = e.target.value; this.#renderList(); },
    });
    this.heading = h('h2.members__title', {}, 'Members');
    this.list = h('ul.members__list');
    this.empty = h('p.members__empty', { hidden: true });
    el.append(
      h('header.members__header', {},
        this.heading,
        h('button.members__close', { type: 'button', 'aria-label': 'Close members', onclick: () => this.close() }, icons.close())),
      h('div.members__search-wrap', {},
        h('label.visually-hidden', { for: 'member-search' }, 'Find a member'),
        this.search),
      this.list,
      this.empty,
    );
  }

  get isOpen() { return !this.el.hidden; }

  show(conv) {
    this.conv = conv;
    this.el.hidden = false;
    this.#renderList();
    this.onToggle(true);
    this.search.focus();
  }

  close() {
    this.el.hidden = true;
    this.query = '';
    this.search.value = '';
    this.onToggle(false);
  }

  /** Called when the conversation changes while the panel is open. */
  update(conv) {
    if (conv !== this.conv) {
      this.query = '';
      this.search.value = '';
    }
    this.conv = conv;
    if (this.isOpen) this.#renderList();
  }

  #renderList() {
    if (!this.conv) return;
    const q = this.query.trim().toLowerCase();
    const people = this.conv.members
      .map((id) => ({ id, ...PEOPLE[id] }))
      .filter((p) => !q || p.name.toLowerCase().includes(q) || p.title.toLowerCase().includes(q));
    this.heading.textContent = `Members (${this.conv.members.length})`;
    this.list.replaceChildren(...people.map((p) =>
      h('li.member', {},
        h('span.member__avatar', { 'aria-hidden': 'true', dataset: { tone: p.id.length % 5 } }, initials(p.name)),
        h('div.member__info', {},
          h('span.member__name', {}, p.name, p.id === 'sam' ? ' (you)' : ''),
          h('span.member__title', {}, p.title)),
        h('span', { className: `member__status member__status--${p.status}` }, STATUS_TEXT[p.status]))));
    this.empty.hidden = people.length > 0;
    this.empty.textContent = `No members match “${this.query.trim()}”`;
  }
}
