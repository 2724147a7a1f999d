// JShell start script for loyalty-kpi. Use with the default imports:
//   jshell --class-path loyalty-core/target/loyalty-core-0.1.0-SNAPSHOT.jar --startup DEFAULT --startup loyalty.jsh
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.loyaltykpi.cohort.*;
import org.loyaltykpi.domain.*;
import org.loyaltykpi.io.*;
import org.loyaltykpi.retention.*;
import org.loyaltykpi.sample.*;

// The built-in sample shop: 2,000 customers over 2023..2025.
PurchaseTable shop = SampleShop.standard().purchases();
