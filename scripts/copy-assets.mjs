// Copies non-TypeScript assets (styles, static files of bundled environments) next to the compiled code.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const envRoot = join(root, 'environments');
for (const name of readdirSync(envRoot)) {
  const assets = join(envRoot, name, 'assets');
  if (existsSync(assets) && statSync(assets).isDirectory()) {
    cpSync(assets, join(root, 'dist', 'environments', name, 'assets'), { recursive: true });
  }
}

// The viewer's stylesheet and script, read next to the compiled view code.
cpSync(join(root, 'src', 'view', 'assets'), join(root, 'dist', 'src', 'view', 'assets'), { recursive: true });
