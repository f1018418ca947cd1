// Our modules as a host's bundler sees them in the package: side-effect free but for CSS (package.json
// "sideEffects"), so a name the page does not use is dropped with everything only it needs.
/* global exports */
exports.pureSource = {
  name: 'pure-source',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (!args.importer.includes('/src/') || args.pluginData) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: true });
      return resolved.path.endsWith('.css') ? resolved : { ...resolved, sideEffects: false };
    });
  },
};
