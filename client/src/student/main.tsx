import { render } from 'preact';
import '../styles.css';
import { StudentApp } from './StudentApp';

render(<StudentApp />, document.getElementById('app')!);
