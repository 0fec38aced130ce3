import { render } from 'preact';
import '../styles.css';
import './projector.css';
import { ProjectorApp } from './ProjectorApp';

render(<ProjectorApp />, document.getElementById('app')!);
