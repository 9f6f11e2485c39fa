/** A template expression (Jinja, ERB, envsubst): the rendered file holds something else, unknown here. */
export const TEMPLATE = /\{\{|\{%|<%|\$\{/;
