import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';

import { App } from './app/App';
import { startAppListening } from './app/listenerMiddleware';
import { addAppListeners, createAppStore } from './app/store';
import './styles/app.css';

const store = createAppStore();
addAppListeners(startAppListening);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      <App />
    </Provider>
  </StrictMode>,
);
