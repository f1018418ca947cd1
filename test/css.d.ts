// Tests and stories import the stylesheet for real rendering; the library's TypeScript never does.
declare module '*.css';
