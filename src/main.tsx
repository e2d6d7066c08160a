import { createRoot } from 'react-dom/client';
import { start } from './app/start.tsx';
import './ui/fonts.css';
import './ui/theme.css';

void start(createRoot(document.getElementById('root')!));
