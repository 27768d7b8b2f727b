declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ apiBase: string; sessionKey?: string }>;
  export default component;
}
