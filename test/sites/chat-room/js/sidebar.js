import { h } from './dom.js';
import { PEOPLE } from './data.js';

export class Sidebar {
  constructor(store) {
    this.store = store;
    this.channelList = document.getElementById('channel-list');
    this.dmList = document.getElementById('dm-list');
    this.markAll = document.getElementById('mark-all-read');
    this.activeId = null;
    this.markAll.addEventListener('click', () => this.store.markAllRead());
    store.addEventListener('change', () => this.render());
  }

  setActive(id) {
    this.activeId = id;
    this.render();
  }

  #item(conv, href, label, leading) {
    const active = conv.id === this.activeId;
    const mods = [
      active && 'sidebar__link--active',
      conv.unread > 0 && 'sidebar__link--unread',
      conv.muted && 'sidebar__link--muted',
    ].filter(Boolean).join(' ');
    return h('li.sidebar__item', {},
      h('a.sidebar__link', { href, className: mods || undefined, 'aria-current': active ? 'page' : undefined },
        leading,
        h('span.sidebar__label', {}, label),
        conv.starred ? h('span.sidebar__star', { 'aria-hidden': 'true' }, '★') : null,
        conv.muted ? h('span.sidebar__muted', { 'aria-hidden': 'true', title: 'Muted' }, '🔕') : null,
        conv.unread > 0 ? h('span.sidebar__badge', {}, conv.unread) : null,
      ));
  }

  render() {
    this.channelList.replaceChildren(...this.store.channels().map((c) =>
      this.#item(c, `/c/${c.id}`, c.name, h('span.sidebar__hash', { 'aria-hidden': 'true' }, '#'))));
    this.dmList.replaceChildren(...this.store.directMessages().map((c) =>
      this.#item(c, `/dm/${c.id}`, c.name,
        h('span', { className: `presence presence--${PEOPLE[c.person].status}`, 'aria-hidden': 'true' }))));
    this.markAll.disabled = this.store.totalUnread() === 0;
  }
}
