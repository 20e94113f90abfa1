import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
// Noto Sans JP from our own origin, regular and bold only (the Digital Agency's type scale uses no other weight); its
// unicode-range slices mean a page downloads only the slices holding the characters it shows.
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
