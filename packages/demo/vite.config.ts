import { defineConfig } from 'vite';

// The script-tag page loads `orgauth.global.js` from the OrgAuth server itself, as a customer's page
// would (`<script src="https://auth.example.com/orgauth.global.js">`): nothing to copy here.
export default defineConfig({
  resolve: { conditions: ['@orgauth/source', 'module', 'browser', 'development|production'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
