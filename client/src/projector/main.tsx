import { render } from 'preact';
import '../styles.css';
import { ProjectorApp } from './ProjectorApp';

render(<ProjectorApp />, document.getElementById('app')!);
