import { ChatStore } from './store.js';
import { Router } from './router.js';
import { Sidebar } from './sidebar.js';
import { MembersPanel } from './members.js';
import { ConversationView } from './conversation.js';

const store = new ChatStore();
const sidebar = new Sidebar(store);
const members = new MembersPanel(document.getElementById('members-panel'));
const view = new ConversationView(document.getElementById('conversation'), store, members);

function open(id, kind) {
  const conv = store.get(id);
  if (!conv || conv.kind !== kind) return notFound(location.pathname);
  store.markRead(id);
  sidebar.setActive(id);
  view.show(id);
  document.title = `${kind === 'channel' ? '#' : ''}${conv.name} – Northwind Studio`;
}

function notFound(path) {
  sidebar.setActive(null);
  members.close();
  view.showNotFound(path);
  document.title = 'Not found – Northwind Studio';
}

const router = new Router([
  ['/', () => router.navigate('/c/general', { replace: true })],
  ['/index.html', () => router.navigate('/c/general', { replace: true })],
  ['/c/:id', ({ id }) => open(id, 'channel')],
  ['/dm/:id', ({ id }) => open(id, 'dm')],
], { fallback: notFound });

router.resolve();
