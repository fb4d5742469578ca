import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectApi } from './api/client.js';
import { loadConfig } from './api/config.js';
import { App } from './app.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const config = await loadConfig();
connectApi(config.apiUrl);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
