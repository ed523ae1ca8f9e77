package org.lunchrush.ordering.payment;

import org.lunchrush.payment.PaymentMessaging;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ordering's queue of payment status updates: a priority queue bound to the payment
 * exchange, with a dead-letter queue for messages that cannot be applied.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentStatusTopology {

	public static final String NAME = "lunchrush.ordering.payment-status";

	static final String DEAD_LETTER_EXCHANGE = "lunchrush.dead-letters";

	public static final String DEAD_LETTER_QUEUE = NAME + ".dlq";

	@Bean
	Queue paymentStatusQueue() {
		return QueueBuilder.durable(NAME)
			.maxPriority(10)
			.deadLetterExchange(DEAD_LETTER_EXCHANGE)
			.deadLetterRoutingKey(DEAD_LETTER_QUEUE)
			.build();
	}

	/**
	 * Declared here as well as by the payment module (declarations are idempotent), so
	 * the binding holds when ordering runs in a process of its own.
	 */
	@Bean
	TopicExchange orderingPaymentExchange() {
		return new TopicExchange(PaymentMessaging.EXCHANGE, true, false);
	}

	@Bean
	Binding paymentStatusBinding(Queue paymentStatusQueue, TopicExchange orderingPaymentExchange) {
		return BindingBuilder.bind(paymentStatusQueue)
			.to(orderingPaymentExchange)
			.with(PaymentMessaging.SUCCEEDED_ROUTING_KEY);
	}

	@Bean
	Binding refundStatusBinding(Queue paymentStatusQueue, TopicExchange orderingPaymentExchange) {
		return BindingBuilder.bind(paymentStatusQueue)
			.to(orderingPaymentExchange)
			.with(PaymentMessaging.REFUNDED_ROUTING_KEY);
	}

	/**
	 * The dead-letter queue's own listener: a letter it cannot store is requeued, never
	 * dropped, and not retried in place. Observed like the other listeners (a letter is
	 * stored in its trace), which also keeps one shape for the listener timer.
	 */
	@Bean
	SimpleRabbitListenerContainerFactory deadLetterListenerFactory(ConnectionFactory connections,
			@Value("${spring.rabbitmq.listener.simple.observation-enabled:false}") boolean observed) {
		SimpleRabbitListenerContainerFactory factory = new SimpleRabbitListenerContainerFactory();
		factory.setConnectionFactory(connections);
		factory.setObservationEnabled(observed);
		factory.setDefaultRequeueRejected(true);
		factory.setPrefetchCount(10);
		return factory;
	}

	@Bean
	DirectExchange deadLetterExchange() {
		return new DirectExchange(DEAD_LETTER_EXCHANGE, true, false);
	}

	@Bean
	Queue paymentStatusDeadLetters() {
		return QueueBuilder.durable(DEAD_LETTER_QUEUE).build();
	}

	@Bean
	Binding paymentStatusDeadLetterBinding(Queue paymentStatusDeadLetters, DirectExchange deadLetterExchange) {
		return BindingBuilder.bind(paymentStatusDeadLetters).to(deadLetterExchange).with(DEAD_LETTER_QUEUE);
	}

}
