import type { NextConfig } from 'next';

const config: NextConfig = {
  // The example is built in CI from a clean copy: no telemetry, no lint step of Next's own.
  reactStrictMode: true,
};

export default config;
