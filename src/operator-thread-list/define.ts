// Side-effect module: registers <operator-thread-list>, and the elements it is made of
// (<chat-message>, <chat-composer>) under their standard names. Import the class from the
// package's index instead to register it yourself.
import '../chat-composer/define.js';
import '../chat-message/define.js';
import { defineElement } from '../internal/define.js';
import { OperatorThreadList } from './operator-thread-list.js';

defineElement('operator-thread-list', OperatorThreadList);
