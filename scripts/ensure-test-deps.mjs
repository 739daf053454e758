// Installs what the browser tests need from Debian's packages: chromium and the Noto CJK fonts
// (the UI speaks Chinese). Never downloads a browser of its own. Idempotent.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const hasCjkFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).includes('Noto');
  } catch {
    return false;
  }
};

if (existsSync(CHROMIUM) && hasCjkFont()) {
  console.log('test deps: chromium and fonts-noto-cjk present');
  process.exit(0);
}
const asRoot = process.getuid?.() === 0;
const sudo = asRoot ? '' : 'sudo ';
console.log('test deps: installing chromium and fonts-noto-cjk with apt-get');
try {
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk`, { stdio: 'inherit' });
} catch {
  console.error('test deps: could not install chromium and fonts-noto-cjk; install them with apt-get (as root) and run again');
  process.exit(1);
}
