// Renderer entry: mounts the Svelte app. The renderer owns the UI, the local store and the sync
// engine; it reaches main only through window.fieldbook.
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Fieldbook: #app element missing from index.html');
mount(App, { target });
