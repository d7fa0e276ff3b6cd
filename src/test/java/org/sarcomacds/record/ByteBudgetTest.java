package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reservations are granted whole or refused at once, and closing one gives its bytes back. */
class ByteBudgetTest {

    @Test
    void reservationsBeyondTheCapacityAreRefusedAtOnceAndReturnedOnClose() {
        ByteBudget budget = new ByteBudget("FHIR answers", 100);
        ByteBudget.Reservation first = budget.open();
        first.grow(60);
        ByteBudget.Reservation second = budget.open();
        second.grow(40);

        assertThatThrownBy(() -> budget.open().grow(1))
                .isInstanceOf(ByteBudget.Exhausted.class)
                .hasMessageContaining("as many FHIR answers as its memory allows");
        assertThat(budget.used()).isEqualTo(100);

        first.close();
        assertThat(budget.used()).isEqualTo(40);
        budget.open().grow(60);
        assertThat(budget.used()).isEqualTo(100);
    }

    @Test
    void aClosedReservationGrowsNoMoreAndARefusedAnswerIsGivenBack() {
        ByteBudget budget = new ByteBudget("FHIR answers", 100);
        ByteBudget.Reservation call = budget.open();
        call.grow(30);
        call.grow(50);
        call.giveBack(50);
        assertThat(budget.used()).isEqualTo(30);

        call.close();
        assertThatThrownBy(() -> call.grow(1))
                .as("a fetch still running after its call ended")
                .isInstanceOf(ByteBudget.Exhausted.class);
        assertThat(budget.used()).isZero();
    }
}
