package org.sarcomacds.bench;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine without HTTP, per chart shape ({@link Shape}): request JSON → record → facts → rules → cards → response
 * JSON, against the parse floor (Jackson reading the same body into a tree and writing it back out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    @Param({"realistic", "small", "ignores-count", "wide-meds", "large", "order-select-5"})
    public String shape;

    private InProcessPipeline pipeline;
    private final JsonMapper plain = JsonMapper.builder().build();
    private Shape call;

    @Setup(Level.Trial)
    public void setUp() {
        call = Shape.all(Set.of(shape)).getFirst();
        pipeline = new InProcessPipeline();
        String answer = new String(pipeline.call(call.serviceId(), call.body()));
        if (!answer.contains("\"cards\"")) {
            throw new IllegalStateException("the benchmark call was not answered with cards: " + answer);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    @Benchmark
    public byte[] hook() {
        return pipeline.call(call.serviceId(), call.body());
    }

    /** The floor: reading the same body into a JSON tree and writing it out again, nothing else. */
    @Benchmark
    public byte[] parseFloor() {
        JsonNode tree = plain.readTree(call.body());
        return plain.writeValueAsBytes(tree);
    }
}
