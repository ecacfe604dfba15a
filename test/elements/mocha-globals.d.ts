// Browser specs run under mocha (bundled by @web/test-runner), which provides `describe`, `it`
// and the hooks as globals. Node-side tests import theirs from `node:test`, which shadows these.
/// <reference types="mocha" />
