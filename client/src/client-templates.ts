// The template engine (server/src/templates: the templates and a YAML parser),
// bundled apart as dist/client-templates.js and loaded by client/src/templates.ts
// on the first template command only, so that activation does not load it.

export { listTemplates, renderTemplate } from '../../server/src/templates/index';
