import desk from './bureau-desk';

export default { 'bureau-desk': desk };
