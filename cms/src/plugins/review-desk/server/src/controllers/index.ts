import desk from './review-desk';

export default { 'review-desk': desk };
