package org.lunchrush.notification.push;

/**
 * One server-sent event, ready to write: its name, its id and its JSON data.
 */
record Push(String name, String id, String data) {

}
