import { render } from 'preact';
import { App } from './app/app';
import { loadConfig } from './app/config';
import './ui/styles.css';

const root = document.getElementById('app')!;
loadConfig()
  .then((config) => render(<App config={config} />, root))
  .catch((error: Error) => {
    root.textContent = `Certiflow ne peut pas démarrer (${error.message}). Rechargez la page.`;
  });
