package com.vibrationfit.aiusage.billing;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the member pays: the provider's hosted page; the purchase stays pending until the provider says paid. */
@Schema(name = "Checkout")
public record CheckoutView(
        UUID purchaseId,

        @Schema(description = "the payment page to send the member to", maxLength = 2000)
        String checkoutUrl) {}
