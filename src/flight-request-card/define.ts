// Side-effect module: registers <flight-request-card>. Import the class from the package's
// index instead to register it yourself, under this name or a subclass under another.
import { defineElement } from '../internal/define.js';
import { FlightRequestCard } from './flight-request-card.js';

defineElement('flight-request-card', FlightRequestCard);
