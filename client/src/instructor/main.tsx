import { render } from 'preact';
import '../styles.css';
import { InstructorApp } from './InstructorApp';

render(<InstructorApp />, document.getElementById('app')!);
