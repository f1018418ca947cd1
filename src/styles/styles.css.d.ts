// The stylesheet: imported for its effect (`import 'react-audit-logs/styles.css'`). TypeScript 6 checks
// side-effect imports (TS2882), so the package ships this declaration beside the CSS.
export {};
