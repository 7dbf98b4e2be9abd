import controllers from './controllers';
import routes from './routes';
import services from './services';

/** The review desk's server part: the microdata records' services and the desk's admin routes. */
export default { controllers, routes, services };
