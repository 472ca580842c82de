// A customer's Next.js App Router app: nothing OrgAuth-specific to configure.
/** @type {import('next').NextConfig} */
const nextConfig = {};
export default nextConfig;
