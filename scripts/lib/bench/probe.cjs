// Preloaded into the site build's processes by the benchmark (NODE_OPTIONS=--require): counts
// image encodes through sharp, and records each process's peak memory when it exits, as
// <pid>.json beside this file. The benchmark copies it into a fresh folder for each build, so
// the folder needs no setting of its own. It changes nothing else.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const dir = __dirname;
let encodes = 0;
let sharpLoaded = false;
// Every sharp operation, whichever build of sharp runs it (CommonJS `require`, or the ES module
// build that `import('sharp')` loads, as Astro does), ends in one call to the native binding's
// `pipeline`, and the binding is always loaded with `require`: that is what is counted.
const load = Module._load;
Module._load = function patchedLoad(request, ...rest) {
  const exported = load.call(this, request, ...rest);
  if (!sharpLoaded && /sharp[^\\/]*\.node$/.test(request) && typeof exported?.pipeline === 'function') {
    sharpLoaded = true;
    const pipeline = exported.pipeline;
    exported.pipeline = function countedPipeline(...args) {
      encodes += 1;
      return pipeline.apply(this, args);
    };
  }
  return exported;
};

process.on('exit', () => {
  try {
    fs.writeFileSync(
      path.join(dir, `${process.pid}.json`),
      JSON.stringify({
        pid: process.pid,
        command: process.argv
          .slice(1, 3)
          .map((arg) => path.basename(arg))
          .join(' '),
        maxRssKb: process.resourceUsage().maxRSS,
        sharpLoaded,
        encodes,
      }),
    );
  } catch {
    // A probe never fails the build it watches.
  }
});
