import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A customer's Vite + React app, as `npm create vite -- --template react-ts` makes it.
export default defineConfig({ plugins: [react()] });
