/**
 * A template expression (Jinja, ERB, envsubst): the rendered file holds something else, unknown here. A Jinja
 * comment `{# … #}` is one too: rendering removes it (`alice {# bob #}` renders as `alice`).
 */
export const TEMPLATE = /\{\{|\{%|\{#|<%|\$\{/;
